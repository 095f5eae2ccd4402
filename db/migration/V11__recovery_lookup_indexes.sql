-- prove-gateway schema, version 11: indexes for device recovery.
-- Portable SQL (Derby 10.16 and PostgreSQL 13+).
--
-- Every mobile flow start looks for the device to recover: the most recently used live binding of the customer,
-- else of the phone number (KeyBinding.liveByCustomer / liveByPhone: WHERE customer_ref = ? (or phone_number = ?)
-- AND active_device_id IS NOT NULL ORDER BY last_used_at DESC, first row). With an index on the identifier alone the
-- database read every binding of that customer or number and sorted them, on each start; a number with many
-- bindings (ended ones stay for their history) made starts slower the longer it was in use. An index on (identifier,
-- last_used_at DESC) gives the rows already in that order, so the first live one ends the scan. It also serves every
-- query the single-column index served (lookups and bulk checks by the identifier), which it therefore replaces.
CREATE INDEX ix_key_binding_phone_used ON key_binding (phone_number, last_used_at DESC);
DROP INDEX ix_key_binding_phone;
CREATE INDEX ix_key_binding_customer_used ON key_binding (customer_ref, last_used_at DESC);
DROP INDEX ix_key_binding_customer;
