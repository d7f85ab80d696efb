-- Issuing stock to a work order in one statement (issue 19, bench:inventory). The issue was eleven round
-- trips (begin, actor, material, warehouse, level created, locked, read again, order, reservations,
-- movement, commit), each costing the single web process a Prisma query and a socket write; eight clerks
-- got 9 issues/s where one UPDATE round trip gets 770. The rule lives here once: the domain's issue
-- (domain/inventory/issue-stock.ts) calls it, as one autocommit statement when the actor's rules restrict
-- nothing, inside its checked transaction otherwise (and in the closeout's).
--  - the order must be in one of `issuing_states`;
--  - the level (created at zero the first time) is locked: issues of one material in one warehouse take turns;
--  - it may take what is available (on hand − reserved) plus what is reserved for this very order, unless
--    the warehouse allows negative stock; beyond that it is refused naming what may be taken;
--  - the movement is posted (trigger cmms_stock_movement_post moves the level), and the order's open
--    reservations of the material are drawn down, oldest first;
--  - `actor` (name/value pairs), when given, is set first for the history triggers (one statement, one
--    transaction).
CREATE FUNCTION cmms_issue_stock(material integer, warehouse integer, work_order integer, quantity numeric, bin integer, note text,
                                 moved_by integer, issuing_states text[], actor text[] DEFAULT NULL)
RETURNS SETOF stock_movements LANGUAGE plpgsql AS $$
DECLARE
  level stock_levels%ROWTYPE;
  order_state text;
  held numeric;
  may_take numeric;
  movement stock_movements%ROWTYPE;
  reservation record;
  left_to_draw numeric := quantity;
  taken numeric;
BEGIN
  FOR i IN 1 .. coalesce(array_length(actor, 1), 0) / 2 LOOP
    PERFORM set_config(actor[2 * i - 1], actor[2 * i], true);
  END LOOP;
  SELECT o.state INTO order_state FROM work_orders o WHERE o.id = work_order;
  IF order_state IS NULL OR NOT order_state = ANY (issuing_states) THEN
    RAISE EXCEPTION 'work order % takes no materials in state %: violates constraint "stock_issue_order_open_check"', work_order, order_state
      USING ERRCODE = 'check_violation', CONSTRAINT = 'stock_issue_order_open_check';
  END IF;
  SELECT * INTO level FROM stock_levels s WHERE s.material_id = material AND s.warehouse_id = warehouse FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO stock_levels (material_id, warehouse_id) VALUES (material, warehouse) ON CONFLICT (material_id, warehouse_id) DO NOTHING;
    SELECT * INTO level FROM stock_levels s WHERE s.material_id = material AND s.warehouse_id = warehouse FOR UPDATE;
  END IF;
  SELECT coalesce(sum(r.quantity), 0) INTO held FROM reservations r
   WHERE r.work_order_id = work_order AND r.material_id = material AND r.warehouse_id = warehouse AND r.state = 'OPEN';
  may_take := level.on_hand - level.reserved + held;
  IF quantity > may_take AND NOT (SELECT w.allow_negative_stock FROM warehouses w WHERE w.id = warehouse) THEN
    RAISE EXCEPTION 'issuing % of material % in warehouse %: may take %: violates constraint "stock_issue_available_check"', quantity, material, warehouse, greatest(may_take, 0)
      USING ERRCODE = 'check_violation', CONSTRAINT = 'stock_issue_available_check';
  END IF;
  INSERT INTO stock_movements (kind, material_id, warehouse_id, bin_id, quantity, work_order_id, note, moved_by_id)
  VALUES ('ISSUE', material, warehouse, coalesce(bin, level.bin_id), -quantity, work_order, note, moved_by)
  RETURNING * INTO movement;
  IF held > 0 THEN
    FOR reservation IN SELECT r.id, r.quantity FROM reservations r
        WHERE r.work_order_id = work_order AND r.material_id = material AND r.warehouse_id = warehouse AND r.state = 'OPEN' ORDER BY r.id LOOP
      EXIT WHEN left_to_draw <= 0;
      taken := least(left_to_draw, reservation.quantity);
      left_to_draw := left_to_draw - taken;
      UPDATE reservations r
         SET quantity = reservation.quantity - taken, updated_at = now(),
             state = CASE WHEN reservation.quantity - taken = 0 THEN 'ISSUED' ELSE r.state END
       WHERE r.id = reservation.id;
    END LOOP;
  END IF;
  RETURN NEXT movement;
END $$;
