package org.servicegrid.protocol;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON body of every error answer: {@code {"error": "..."}}. Its OpenAPI schema is annotated
 * here because the scanner does not see a record component that carries no annotation.
 */
@Schema(name = "ErrorBody", description = "The body of every error answer")
public record ErrorBody(
    @Schema(
            description = "What is wrong, in one sentence",
            required = true,
            example = "Addr is required (host:port)")
        String error) {}
