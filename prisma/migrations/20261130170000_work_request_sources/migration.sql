-- Hand-written at the merge of issue 24's portal and issue 25's trends: each branch re-made the source CHECK
-- of work requests with its own new value, so whichever ran last dropped the other's. Both kept: a request
-- from a person (signed in), from condition monitoring, from an asset's QR page (a name and a contact, no
-- account) or from a reading trend predicted to cross its limit.
ALTER TABLE "work_requests" DROP CONSTRAINT "work_requests_source_check";
ALTER TABLE "work_requests" ADD CONSTRAINT "work_requests_source_check" CHECK ("source" IN ('PERSON', 'CONDITION', 'PORTAL', 'TREND'));
ALTER TABLE "work_requests" DROP CONSTRAINT "work_requests_reporter_check";
ALTER TABLE "work_requests" ADD CONSTRAINT "work_requests_reporter_check" CHECK (
  "source" IN ('CONDITION', 'TREND')
  OR ("source" = 'PORTAL' AND btrim(coalesce("reporter_name", '')) <> '' AND btrim(coalesce("reporter_contact", '')) <> '')
  OR "reported_by_id" IS NOT NULL);
