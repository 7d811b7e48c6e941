SELECT id, created_at, name, updated_at, version FROM device ORDER BY id;
