ALTER TABLE "enrollments" ADD COLUMN "seen_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Learners already following a roadmap have seen its current version: no notice for the past.
UPDATE "enrollments" SET "seen_version" = "roadmaps"."published_version" FROM "roadmaps" WHERE "roadmaps"."id" = "enrollments"."roadmap_id";
