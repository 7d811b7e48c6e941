\set id random(1, :rows)
SELECT id, created_at, name, updated_at, version FROM device WHERE (id = :id);
