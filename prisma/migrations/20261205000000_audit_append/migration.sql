-- Appending to the audit chain in one statement (lib/audit.ts recordAudit).
--
-- Writers of the chain queue on a transaction-scoped advisory lock, held until the change commits.
-- The app used to send four statements while holding it (lock, last hash, next id, insert), each a
-- round trip through a Node process busy with other requests; under 20 concurrent writers the lock
-- was held for the time of those waits (bench/lists.ts scenario 5). This function does the same
-- work in one round trip, so the lock is held for this call and the commit.
--
-- The row's hash stays what lib/audit-hash.ts chainHash computes, sha256(previous hash + canonical
-- JSON of the row): the app sends the canonical JSON split around the id (canonicalAroundId), and the
-- id drawn here, under the lock, goes in between. Ids therefore follow the chain's order.
--
-- Each statement of a VOLATILE plpgsql function takes a fresh snapshot under READ COMMITTED (the
-- app's level), so the SELECT after the lock sees every chain row committed before the lock was
-- ours: the chain cannot fork (and the unique index on "prevHash" would refuse a fork anyway).
CREATE FUNCTION audit_append(
  p_at TEXT, p_actor_id TEXT, p_actor_role TEXT, p_event TEXT, p_entity TEXT, p_entity_id TEXT,
  p_before JSONB, p_after JSONB, p_ip TEXT, p_user_agent TEXT, p_head TEXT, p_tail TEXT
) RETURNS BIGINT LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  prev TEXT;
  new_id BIGINT;
BEGIN
  PERFORM pg_advisory_xact_lock(727001); -- lib/audit.ts AUDIT_CHAIN_LOCK
  SELECT hash INTO prev FROM "AuditEvent" ORDER BY id DESC LIMIT 1;
  new_id := nextval(pg_get_serial_sequence('"AuditEvent"', 'id'));
  INSERT INTO "AuditEvent" (id, at, "actorId", "actorRole", event, entity, "entityId", before, after, ip, "userAgent", "prevHash", hash)
  VALUES (new_id, p_at::timestamp(3), p_actor_id, p_actor_role::"Role", p_event, p_entity, p_entity_id, p_before, p_after,
          p_ip, p_user_agent, prev,
          encode(sha256(convert_to(coalesce(prev, '') || p_head || '"id":"' || new_id || '"' || p_tail, 'UTF8')), 'hex'));
  RETURN new_id;
END
$$;
GRANT EXECUTE ON FUNCTION audit_append(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, JSONB, JSONB, TEXT, TEXT, TEXT, TEXT) TO app_rw;
