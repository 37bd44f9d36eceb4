package com.careflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * {@code Idempotency-Key} for CareFlow's POSTs that start a case: the first request with a key
 * creates it and keeps the answer in the same transaction; the same user sending the same key
 * and request again gets that answer (201, {@code Idempotent-Replayed: true}) and nothing new
 * is started; the same key with another request is 422. Without a key every POST creates.
 */
@Component
public class IdempotentPosts {

  /** What a POST created: where it is, and the body of the 201. */
  public record Created(URI location, Object body) {}

  private record Kept(String endpoint, String requestHash, String location, String body) {}

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final ObjectMapper canonicalJson;
  private final TransactionTemplate transaction;

  public IdempotentPosts(JdbcTemplate jdbc, ObjectMapper json,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.json = json;
    this.canonicalJson = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS,
        true);
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Creates once per user and key.
   *
   * @param endpoint what is being created, e.g. {@code POST /api/returns}
   * @param request the request body, fingerprinted to tell a retry from another request
   * @param create creates the case; invalid input throws and nothing is kept
   */
  public ResponseEntity<JsonNode> create(String endpoint, String user, String key,
      Object request, Supplier<Created> create) {
    if (key == null) {
      Created created = create.get();
      return answer(created.location().toString(), json.valueToTree(created.body()), false);
    }
    String hash = fingerprint(endpoint, request);
    try {
      return transaction.execute(status -> find(user, key)
          .map(kept -> replay(kept, endpoint, hash))
          .orElseGet(() -> keep(user, key, endpoint, hash, create.get())));
    } catch (RuntimeException failed) {
      // The same key sent twice at once: the twin that lost the race fails on what the winner
      // created (its key, or a record the winner made unique, e.g. a hire's login) once the
      // winner committed, together with its answer; that answer is the loser's too.
      return find(user, key).map(kept -> replay(kept, endpoint, hash))
          .orElseThrow(() -> failed);
    }
  }

  private ResponseEntity<JsonNode> keep(String user, String key, String endpoint, String hash,
      Created created) {
    JsonNode body = json.valueToTree(created.body());
    jdbc.update("INSERT INTO api_idempotency (requested_by, idempotency_key, endpoint, "
            + "request_hash, location, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        user, key, endpoint, hash, created.location().toString(), body.toString(),
        Timestamp.from(Instant.now()));
    return answer(created.location().toString(), body, false);
  }

  private ResponseEntity<JsonNode> replay(Kept kept, String endpoint, String hash) {
    if (!kept.endpoint().equals(endpoint) || !kept.requestHash().equals(hash)) {
      ErrorResponseException conflict =
          new ErrorResponseException(HttpStatus.UNPROCESSABLE_ENTITY);
      conflict.setDetail("This Idempotency-Key was used for a different request ("
          + kept.location() + "); send a new key for a new one.");
      throw conflict;
    }
    try {
      return answer(kept.location(), json.readTree(kept.body()), true);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A kept answer is not JSON", e);
    }
  }

  private Optional<Kept> find(String user, String key) {
    return jdbc.query("SELECT endpoint, request_hash, location, body FROM api_idempotency "
            + "WHERE requested_by = ? AND idempotency_key = ?",
        (row, i) -> new Kept(row.getString(1), row.getString(2).trim(), row.getString(3),
            row.getString(4)), user, key).stream().findFirst();
  }

  private static ResponseEntity<JsonNode> answer(String location, JsonNode body,
      boolean replayed) {
    return ResponseEntity.created(URI.create(location))
        .header("Idempotent-Replayed", Boolean.toString(replayed)).body(body);
  }

  private String fingerprint(String endpoint, Object request) {
    try {
      byte[] canonical = (endpoint + "\n" + canonicalJson.writeValueAsString(request))
          .getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot fingerprint the request", e);
    }
  }
}
