\set after random(0, :rows - 1)
SELECT id, created_at, name, updated_at, version FROM device WHERE (id > :after) ORDER BY id LIMIT 21;
