-- SPEC §1.6 EXCHANGE (换货), §8.1: an exchange ships replacement goods; the returns register
-- records how many were shipped and the dispatch note they went out on.
ALTER TABLE product_return ADD COLUMN replacement_quantity INTEGER;
ALTER TABLE product_return ADD COLUMN dispatch_number VARCHAR(100);
