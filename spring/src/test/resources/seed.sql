CREATE TABLE item (id SERIAL PRIMARY KEY, name TEXT NOT NULL);
INSERT INTO item (name) VALUES ('seed-1'), ('seed-2');
