BEGIN;
INSERT INTO device (created_at, name, updated_at, version) VALUES (now(), 'bench-post', now(), 1);
SELECT lastval();
COMMIT;
