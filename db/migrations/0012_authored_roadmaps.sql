CREATE TYPE "public"."roadmap_visibility" AS ENUM('private', 'unlisted', 'public');--> statement-breakpoint
CREATE TABLE "roadmap_versions" (
	"roadmap_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" text,
	CONSTRAINT "roadmap_versions_roadmap_id_version_pk" PRIMARY KEY("roadmap_id","version")
);
--> statement-breakpoint
ALTER TABLE "stages" ALTER COLUMN "start_month" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "milestones" ADD COLUMN "done_when" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "milestones" ADD COLUMN "practice" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD COLUMN "built_in" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD COLUMN "owner_id" text;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD COLUMN "visibility" "roadmap_visibility" DEFAULT 'private' NOT NULL;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD COLUMN "forked_from_id" uuid;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD COLUMN "draft" jsonb;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD COLUMN "draft_revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD COLUMN "published_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "roadmap_versions" ADD CONSTRAINT "roadmap_versions_roadmap_id_roadmaps_id_fk" FOREIGN KEY ("roadmap_id") REFERENCES "public"."roadmaps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_versions" ADD CONSTRAINT "roadmap_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD CONSTRAINT "roadmaps_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD CONSTRAINT "roadmaps_forked_from_id_roadmaps_id_fk" FOREIGN KEY ("forked_from_id") REFERENCES "public"."roadmaps"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "roadmaps_owner_id_idx" ON "roadmaps" USING btree ("owner_id");--> statement-breakpoint
-- Every roadmap before this migration shipped with the app.
UPDATE "roadmaps" SET "built_in" = true, "visibility" = 'public';
