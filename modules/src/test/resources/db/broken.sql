CREATE TABLE ok (id INT);
INSERT INTO ok VALUES (1);
SELECT * FROM no_such_table;
