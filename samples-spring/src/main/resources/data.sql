INSERT INTO item (id, name, stock) VALUES (1, 'kettle', 3), (2, 'teapot', 5) ON CONFLICT (id) DO NOTHING;
