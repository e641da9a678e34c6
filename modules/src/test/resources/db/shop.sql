CREATE TABLE item (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL);
INSERT INTO item VALUES (1, 'anchor'), (2, 'rope');
