ALTER TYPE "public"."notification_kind" ADD VALUE 'invite_accepted';--> statement-breakpoint
ALTER TABLE "milestone_reviews" DROP CONSTRAINT "milestone_reviews_reviewer_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "milestone_reviews" DROP CONSTRAINT "milestone_reviews_learner_id_milestone_id_pk";--> statement-breakpoint
DELETE FROM "milestone_reviews" WHERE "reviewer_id" IS NULL;--> statement-breakpoint
ALTER TABLE "milestone_reviews" ALTER COLUMN "reviewer_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "milestone_reviews" ADD CONSTRAINT "milestone_reviews_learner_id_milestone_id_reviewer_id_pk" PRIMARY KEY("learner_id","milestone_id","reviewer_id");--> statement-breakpoint
ALTER TABLE "milestone_messages" ADD COLUMN "mentor_id" text;--> statement-breakpoint
ALTER TABLE "milestone_messages" ADD CONSTRAINT "milestone_messages_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_reviews" ADD CONSTRAINT "milestone_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
UPDATE "milestone_messages" SET "mentor_id" = "author_id" WHERE "author_id" <> "learner_id";--> statement-breakpoint
CREATE INDEX "milestone_messages_mentor_idx" ON "milestone_messages" USING btree ("mentor_id","learner_id");--> statement-breakpoint
DELETE FROM "notifications" AS "later" USING "notifications" AS "earlier" WHERE "later"."kind" = 'stage_completed' AND "earlier"."kind" = 'stage_completed' AND "later"."user_id" = "earlier"."user_id" AND "later"."learner_id" = "earlier"."learner_id" AND "later"."stage_id" = "earlier"."stage_id" AND ("later"."created_at", "later"."id") > ("earlier"."created_at", "earlier"."id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_stage_completed_once" ON "notifications" USING btree ("user_id","learner_id","stage_id") WHERE "notifications"."kind" = 'stage_completed';