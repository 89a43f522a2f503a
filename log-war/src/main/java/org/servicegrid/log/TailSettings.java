package org.servicegrid.log;

/**
 * {@code GET /log?tail=N}'s default and largest N, and the most bytes read for it ({@code
 * log.tail.*}, read by {@link LogConfig}).
 */
public record TailSettings(int defaultLines, int maxLines, long maxBytes) {}
