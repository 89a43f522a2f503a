package org.servicegrid.protocol.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ErrorWriterTest {

  @Test
  void writesTheProjectsErrorBodyWithTheMessageEscaped() {
    String message = "unknown service 'a\"b\\c'\n";

    String body = ErrorWriter.body(message);

    assertThat(Json.createReader(new StringReader(body)).readObject().getString("error"))
        .isEqualTo(message);
  }
}
