/**
 * Credentials on the wire: MicroProfile JWT bearer tokens verified with the JDK's crypto ({@code
 * TokenVerifier}, so every server checks them alike), the caller a token names, the address ranges
 * admitted without one, where instances may listen ({@code AllowedAddresses}, with the bounded name
 * lookups it needs), PEM keys, and the client filter that sends a token. Issuing tokens is not
 * here: the servers only verify; scripts/Credentials.java issues them.
 */
package org.servicegrid.protocol.auth;
