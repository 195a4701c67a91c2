CREATE TABLE "learner_progress_summaries" (
	"user_id" text NOT NULL,
	"roadmap_id" uuid NOT NULL,
	"total" integer NOT NULL,
	"done" integer NOT NULL,
	"in_progress" integer NOT NULL,
	"skipped" integer NOT NULL,
	"last_activity_at" timestamp with time zone,
	"oldest_in_progress_at" timestamp with time zone,
	"current_stage_id" uuid,
	CONSTRAINT "learner_progress_summaries_user_id_roadmap_id_pk" PRIMARY KEY("user_id","roadmap_id")
);
--> statement-breakpoint
ALTER TABLE "learner_progress_summaries" ADD CONSTRAINT "learner_progress_summaries_current_stage_id_stages_id_fk" FOREIGN KEY ("current_stage_id") REFERENCES "public"."stages"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_progress_summaries" ADD CONSTRAINT "learner_progress_summaries_user_id_roadmap_id_enrollments_user_id_roadmap_id_fk" FOREIGN KEY ("user_id","roadmap_id") REFERENCES "public"."enrollments"("user_id","roadmap_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
INSERT INTO "learner_progress_summaries" ("user_id", "roadmap_id", "total", "done", "in_progress", "skipped", "last_activity_at", "oldest_in_progress_at", "current_stage_id")
SELECT e.user_id, e.roadmap_id, count(m.id)::int,
  (count(*) FILTER (WHERE p.status = 'done'))::int,
  (count(*) FILTER (WHERE p.status = 'in_progress'))::int,
  (count(*) FILTER (WHERE p.status = 'skipped'))::int,
  max(p.updated_at),
  min(p.started_at) FILTER (WHERE p.status = 'in_progress'),
  (array_agg(m.stage_id ORDER BY s.position, m.position) FILTER (WHERE coalesce(p.status, 'not_started') NOT IN ('done', 'skipped')))[1]
FROM enrollments e
LEFT JOIN milestones m ON m.roadmap_id = e.roadmap_id AND m.archived_at IS NULL
LEFT JOIN stages s ON s.id = m.stage_id
LEFT JOIN milestone_progress p ON p.milestone_id = m.id AND p.user_id = e.user_id
GROUP BY e.user_id, e.roadmap_id;
