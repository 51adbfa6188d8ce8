package dev.cruddur.admin.cacheengine;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token the embedded cache serves, shaped like a Momento v1 API key: base64 of
 * {@code {"endpoint":…,"api_key":…}}. Momento's SDKs parse a key of that shape (a plain string
 * is refused by {@code CredentialProvider.fromString} before any call), then send only its
 * {@code api_key} part; the project's own clients send the whole token. The server accepts
 * either, so the token works pasted as {@code MOMENTO_API_KEY} in a client pointed at loopback.
 */
public final class CacheToken {
    /** Never resolved: the SDKs derive {@code cache.<endpoint>} from it, which a loopback client overrides. */
    static final String ENDPOINT = "cache.embedded.invalid";
    private static final Pattern API_KEY = Pattern.compile("\"api_key\"\\s*:\\s*\"([A-Za-z0-9_-]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private CacheToken() {}

    /** A new token with 256 random bits in its {@code api_key}. */
    public static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String apiKey = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String json = "{\"endpoint\":\"" + ENDPOINT + "\",\"api_key\":\"" + apiKey + "\"}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code api_key} inside a v1-shaped token, which is what Momento's SDKs send for it. */
    public static Optional<String> apiKeyOf(String token) {
        String json;
        try {
            json = new String(Base64.getDecoder().decode(token.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        Matcher matcher = API_KEY.matcher(json);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
