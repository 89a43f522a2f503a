package org.servicegrid.log;

/**
 * The largest message and batch body ({@code log.message.max-bytes} and {@code
 * log.batch.max-bytes}, read by {@link LogConfig}).
 */
public record MessageLimitSettings(int messageMaxBytes, int batchMaxBytes) {}
