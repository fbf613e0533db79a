-- A record's History (lib/audit-log/queries.ts getRecordHistory) finds the events of its links and
-- comments by the record named inside their snapshots: link events hold {"actionId", "outcomeId"},
-- comment events {"recordType", "recordId"}. Without an index that meant reading every link event
-- (2 s for an action at 3,000,000 audit events, 240,000 of them about links). These GIN indexes
-- answer the containment test (after @> '{"actionId": "…"}') the query uses, for those two kinds of
-- event only.
CREATE INDEX "AuditEvent_refs_after_idx" ON "AuditEvent" USING gin ("after" jsonb_path_ops)
  WHERE "entity" IN ('ActionOutcomeLink', 'Comment');
CREATE INDEX "AuditEvent_refs_before_idx" ON "AuditEvent" USING gin ("before" jsonb_path_ops)
  WHERE "entity" IN ('ActionOutcomeLink', 'Comment');
