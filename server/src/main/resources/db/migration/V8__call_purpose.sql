-- What an operator's own call was about (the dial box, click-to-dial, preview dialing): the
-- customer and the campaign contact. Null for calls from trunks. No foreign keys: a call record
-- outlives the customer or contact it names, as it outlives its order.
ALTER TABLE calls ADD COLUMN customer_id BIGINT;
ALTER TABLE calls ADD COLUMN campaign_contact_id BIGINT;
