CREATE TABLE "stage_targets" (
	"user_id" text NOT NULL,
	"stage_id" uuid NOT NULL,
	"target_date" date NOT NULL,
	CONSTRAINT "stage_targets_user_id_stage_id_pk" PRIMARY KEY("user_id","stage_id")
);
--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "planned_start" date;--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "target_date" date;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "stage_targets" ADD CONSTRAINT "stage_targets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_targets" ADD CONSTRAINT "stage_targets_stage_id_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."stages"("id") ON DELETE restrict ON UPDATE no action;