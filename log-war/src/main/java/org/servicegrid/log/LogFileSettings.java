package org.servicegrid.log;

import java.nio.file.Path;

/**
 * The file (read by {@link LogConfig}): {@code log.file} (without it, {@code logs/service.log}
 * under Liberty's server output directory), rotated at {@code log.rotate.max-bytes}, with {@code
 * log.rotate.keep} rotated files kept.
 */
public record LogFileSettings(Path path, long rotateMaxBytes, int rotateKeep) {}
