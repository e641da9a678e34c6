CREATE TABLE product (sku VARCHAR(20) PRIMARY KEY, price INT NOT NULL);
INSERT INTO product VALUES ('anchor', 120), ('rope', 15), ('buoy', 40);
