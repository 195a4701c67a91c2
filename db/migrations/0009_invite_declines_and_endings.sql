ALTER TYPE "public"."notification_kind" ADD VALUE 'invite_declined';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'mentorship_ended';--> statement-breakpoint
ALTER TABLE "mentorship_invites" ADD COLUMN "declined_at" timestamp with time zone;