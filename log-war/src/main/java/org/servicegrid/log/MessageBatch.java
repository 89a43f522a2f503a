package org.servicegrid.log;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.servicegrid.protocol.InvalidRequestException;

/**
 * Parses the body of {@code POST /log/batch}: a JSON array of one or more non-empty strings, each
 * at most {@code log.message.max-bytes} in UTF-8. Anything else is refused before a line is
 * written, so a batch is all or nothing from its very first check. The parser factory is built
 * once: looking the JSON-P provider up per request costs more than parsing a small batch.
 */
final class MessageBatch {

  private static final JsonParserFactory JSON = Json.createParserFactory(Map.of());
  private static final String SHAPE = "body must be a JSON array of strings";

  private MessageBatch() {}

  /**
   * The messages in order; throws {@link InvalidRequestException} or {@link
   * MessageTooLargeException}.
   */
  static List<String> parse(byte[] body, int messageMaxBytes) {
    List<String> messages = new ArrayList<>();
    try (JsonParser parser =
        JSON.createParser(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_ARRAY) {
        throw new InvalidRequestException(SHAPE);
      }
      JsonParser.Event event;
      while ((event = parser.next()) != JsonParser.Event.END_ARRAY) {
        if (event != JsonParser.Event.VALUE_STRING) {
          throw new InvalidRequestException(
              SHAPE + "; element " + messages.size() + " is not a string");
        }
        messages.add(checked(parser.getString(), messages.size(), messageMaxBytes));
      }
      if (parser.hasNext()) {
        throw new InvalidRequestException(SHAPE + "; found more after the array");
      }
    } catch (JsonParsingException | NoSuchElementException e) {
      throw new InvalidRequestException(SHAPE + "; it is not valid JSON");
    }
    if (messages.isEmpty()) {
      throw new InvalidRequestException("batch is empty");
    }
    return messages;
  }

  private static String checked(String message, int index, int maxBytes) {
    if (message.isEmpty()) {
      throw new InvalidRequestException("message " + index + " is empty");
    }
    // A char is at most 3 UTF-8 bytes, so only long messages need encoding to be measured.
    if ((long) message.length() * 3 > maxBytes
        && message.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
      throw new MessageTooLargeException(index, maxBytes);
    }
    return message;
  }
}
