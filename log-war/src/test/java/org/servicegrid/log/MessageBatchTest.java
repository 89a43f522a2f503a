package org.servicegrid.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.servicegrid.protocol.InvalidRequestException;

class MessageBatchTest {

  @Test
  void readsTheMessagesInOrderWithTheirEscapesDecoded() {
    assertThat(
            MessageBatch.parse(bytes("[\"visit 1\", \"two\\nlines\", \"\\u00e9t\\u00e9\"]"), 100))
        .containsExactly("visit 1", "two\nlines", "été");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "{}",
        "\"one\"",
        "[\"a\", 1]",
        "[\"a\", null]",
        "[[\"a\"]]",
        "[\"a\"",
        "[\"a\"] [\"b\"]",
        "[\"a\",]",
        "not json"
      })
  void refusesAnythingButAnArrayOfStrings(String body) {
    assertThatThrownBy(() -> MessageBatch.parse(bytes(body), 100))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("JSON array of strings");
  }

  @Test
  void refusesAnEmptyBatchAndAnEmptyMessage() {
    assertThatThrownBy(() -> MessageBatch.parse(bytes("[]"), 100)).hasMessage("batch is empty");
    assertThatThrownBy(() -> MessageBatch.parse(bytes("[\"a\", \"\"]"), 100))
        .hasMessage("message 1 is empty");
  }

  @Test
  void refusesAMessageLargerThanTheLimitInUtf8Bytes() {
    assertThat(MessageBatch.parse(bytes("[\"" + "é".repeat(5) + "\"]"), 10)).hasSize(1);

    assertThatThrownBy(() -> MessageBatch.parse(bytes("[\"ok\", \"" + "é".repeat(6) + "\"]"), 10))
        .isInstanceOf(MessageTooLargeException.class)
        .hasMessage("message 1 is larger than 10 bytes");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
