package org.servicegrid.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LineFormatTest {

  private static final Instant AT = Instant.parse("2026-11-25T08:15:30.042123Z");

  @Test
  void writesUtcTimestampWithMillisecondsCallerAndMessage() {
    assertThat(LineFormat.format(AT, "visit", "7")).isEqualTo("2026-11-25T08:15:30.042Z visit 7\n");
  }

  @Test
  void endsALineOfATracedRequestWithItsTraceIdAndLeavesOthersAsTheyWere() {
    StringBuilder lines = new StringBuilder();
    String prefix = LineFormat.prefix(AT, "visit");
    LineFormat.appendLine(
        lines, prefix, "7", LineFormat.suffix("4bf92f3577b34da6a3ce929d0e0e4736"));
    LineFormat.appendLine(lines, prefix, "8", LineFormat.suffix(null));

    assertThat(lines.toString())
        .isEqualTo(
            "2026-11-25T08:15:30.042Z visit 7 trace_id=4bf92f3577b34da6a3ce929d0e0e4736\n"
                + "2026-11-25T08:15:30.042Z visit 8\n");
  }

  @Test
  void keepsMillisecondsWhenTheyAreZero() {
    assertThat(LineFormat.format(Instant.parse("2026-01-02T03:04:05Z"), "visit", "x"))
        .startsWith("2026-01-02T03:04:05.000Z ");
  }

  @Test
  void marksAnUnknownCallerWithADash() {
    assertThat(LineFormat.format(AT, null, "hello"))
        .isEqualTo("2026-11-25T08:15:30.042Z - hello\n");
    assertThat(LineFormat.format(AT, "", "hello")).isEqualTo("2026-11-25T08:15:30.042Z - hello\n");
  }

  @Test
  void escapesLineBreaksSoOneMessageCannotForgeASecondLine() {
    String line =
        LineFormat.format(AT, "visit", "ok\n2026-11-25T00:00:00.000Z registry forged\r\nend");

    assertThat(line)
        .isEqualTo(
            "2026-11-25T08:15:30.042Z visit ok\\n"
                + "2026-11-25T00:00:00.000Z registry forged\\r"
                + "\\n"
                + "end\n");
    assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
    assertThat(line).doesNotContain("\r");
  }

  @Test
  void escapesTheEscapeCharacterSoTheEscapingIsReversible() {
    assertThat(LineFormat.format(AT, "-", "a\\nb")).endsWith(" a\\\\nb\n");
  }

  @Test
  void escapesOtherControlCharactersAndUnicodeLineSeparatorsButKeepsTabsAndText() {
    assertThat(LineFormat.format(AT, "-", "a\tb\u0000c\u001bd\u2028e\u0085f é✓"))
        .endsWith(" a\tb\\u0000c\\u001bd\\u2028e\\u0085f é✓\n");
  }

  @Test
  void formatsEachMillisecondOfASecondAndTheNextSecond() {
    Instant second = Instant.parse("2026-12-31T23:59:59Z");
    assertThat(LineFormat.format(second.plusMillis(7), "a", "x"))
        .startsWith("2026-12-31T23:59:59.007Z ");
    assertThat(LineFormat.format(second.plusMillis(999), "a", "x"))
        .startsWith("2026-12-31T23:59:59.999Z ");
    assertThat(LineFormat.format(second.plusMillis(1000), "a", "x"))
        .startsWith("2027-01-01T00:00:00.000Z ");
    assertThat(LineFormat.format(second.plusMillis(70), "a", "x"))
        .startsWith("2026-12-31T23:59:59.070Z ");
  }
}
