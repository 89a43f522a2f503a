package org.servicegrid.testsupport;

/**
 * How a {@link FakeHttpServer} answers a request it recorded: a fixed {@link Reply} or one made
 * from the request.
 */
@FunctionalInterface
public interface Answer {

  Reply answer(RecordedRequest request);
}
