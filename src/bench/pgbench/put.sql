\set id random(1, :rows)
BEGIN;
UPDATE device SET name = 'bench-put', version = (version + 1), updated_at = now() WHERE (id = :id);
SELECT id, created_at, name, updated_at, version FROM device WHERE (id = :id);
COMMIT;
