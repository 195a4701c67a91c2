CREATE TYPE "public"."roadmap_assignment_status" AS ENUM('pending', 'accepted', 'declined');--> statement-breakpoint
CREATE TABLE "roadmap_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"roadmap_id" uuid NOT NULL,
	"learner_id" text NOT NULL,
	"mentor_id" text NOT NULL,
	"status" "roadmap_assignment_status" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "roadmap_assignments" ADD CONSTRAINT "roadmap_assignments_roadmap_id_roadmaps_id_fk" FOREIGN KEY ("roadmap_id") REFERENCES "public"."roadmaps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_assignments" ADD CONSTRAINT "roadmap_assignments_learner_id_users_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_assignments" ADD CONSTRAINT "roadmap_assignments_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "roadmap_assignments_roadmap_learner_unique" ON "roadmap_assignments" USING btree ("roadmap_id","learner_id");--> statement-breakpoint
CREATE INDEX "roadmap_assignments_learner_id_idx" ON "roadmap_assignments" USING btree ("learner_id");