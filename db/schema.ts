import { relations, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { ResourceContent, RoadmapContent, SalaryGuide } from "./content/content-schema";

const createdAt = (name = "created_at") => timestamp(name, { withTimezone: true, mode: "date" }).notNull().defaultNow();

/* ---------- Users and Auth.js (the adapter reads these property names) ---------- */

export const users = pgTable(
  "users",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text("name"),
    email: text("email").notNull(),
    emailVerified: timestamp("email_verified", { withTimezone: true, mode: "date" }),
    image: text("image"),
    /** Null for accounts that only sign in through an OAuth provider. */
    passwordHash: text("password_hash"),
    /**
     * No longer read or written: sessions are ended through user_sessions. Kept so that servers
     * of the previous release, still running during a rolling deploy, find the column; drop it
     * in a later release.
     */
    tokenVersion: integer("token_version").notNull().default(0),
    /** IANA zone: streaks and pace count days where the learner lives. */
    timeZone: text("time_zone").notNull().default("UTC"),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("users_email_lower_unique").on(sql`lower(${table.email})`)],
);

export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (table) => [
    primaryKey({ columns: [table.provider, table.providerAccountId] }),
    index("accounts_user_id_idx").on(table.userId),
  ],
);

export const sessions = pgTable("sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
});

/**
 * One row per sign-in; its id travels in the session JWT, and the row must exist (and be within
 * its lifetimes, lib/data/sessions.ts) for the JWT to count. Signing out deletes it.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** As the browser sent it at sign-in, cut to 512 characters; the device list is derived from it. */
    userAgent: text("user_agent"),
  },
  (table) => [
    index("user_sessions_user_id_idx").on(table.userId),
    check("user_sessions_user_agent_length", sql`char_length(${table.userAgent}) <= 512`),
  ],
);

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.identifier, table.token] })],
);

/* ---------- Roadmaps: built-in ones from the content sync, authored ones from their authors ---------- */

export const roadmapVisibility = pgEnum("roadmap_visibility", ["private", "unlisted", "public"]);

/**
 * A roadmap and its published content's top level. Its stages and milestones rows are the
 * latest published version (a built-in roadmap's file, or what its author last published);
 * an author's work in progress is the draft, kept whole in the roadmap file format.
 */
export const roadmaps = pgTable(
  "roadmaps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    salaryGuides: jsonb("salary_guides").$type<SalaryGuide[]>().notNull(),
    salaryCaveat: text("salary_caveat").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    createdAt: createdAt(),
    /** Shipped with the app and written only by the content sync. */
    builtIn: boolean("built_in").notNull().default(false),
    /** Null for a built-in roadmap, or once its author's account is deleted (its followers keep it). */
    ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
    visibility: roadmapVisibility("visibility").notNull().default("private"),
    forkedFromId: uuid("forked_from_id").references((): AnyPgColumn => roadmaps.id, { onDelete: "set null" }),
    /** The author's working copy in the roadmap file format; null once published with nothing changed since. */
    draft: jsonb("draft").$type<RoadmapContent>(),
    /** Counts the draft's saves, so a save from a stale editor is refused instead of overwriting. */
    draftRevision: integer("draft_revision").notNull().default(0),
    /** 0 until first published. */
    publishedVersion: integer("published_version").notNull().default(0),
  },
  (table) => [index("roadmaps_owner_id_idx").on(table.ownerId)],
);

/** Every published version, immutable: the content as published and how it differed from the one before. */
export const roadmapVersions = pgTable(
  "roadmap_versions",
  {
    roadmapId: uuid("roadmap_id")
      .notNull()
      .references(() => roadmaps.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    content: jsonb("content").$type<RoadmapContent>().notNull(),
    publishedAt: createdAt("published_at"),
    publishedBy: text("published_by").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [primaryKey({ columns: [table.roadmapId, table.version] })],
);

export const stages = pgTable(
  "stages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roadmapId: uuid("roadmap_id")
      .notNull()
      .references(() => roadmaps.id, { onDelete: "restrict" }),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    position: integer("position").notNull(),
    /** Null: the author gave the stage no time window. */
    startMonth: integer("start_month"),
    endMonth: integer("end_month"),
    archivedAt: timestamp("archived_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [uniqueIndex("stages_roadmap_slug_unique").on(table.roadmapId, table.slug)],
);

export const milestones = pgTable(
  "milestones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roadmapId: uuid("roadmap_id")
      .notNull()
      .references(() => roadmaps.id, { onDelete: "restrict" }),
    stageId: uuid("stage_id")
      .notNull()
      .references(() => stages.id, { onDelete: "restrict" }),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    whyItMatters: text("why_it_matters").notNull(),
    skills: jsonb("skills").$type<string[]>().notNull(),
    tools: jsonb("tools").$type<string[]>().notNull(),
    resources: jsonb("resources").$type<ResourceContent[]>().notNull(),
    doneWhen: jsonb("done_when").$type<string[]>().notNull().default([]),
    practice: text("practice").notNull().default(""),
    position: integer("position").notNull(),
    /** Set when the content no longer lists the milestone; the row stays so progress keeps pointing at it. */
    archivedAt: timestamp("archived_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [
    uniqueIndex("milestones_roadmap_slug_unique").on(table.roadmapId, table.slug),
    index("milestones_stage_id_idx").on(table.stageId),
  ],
);

export const roadmapAssignmentStatus = pgEnum("roadmap_assignment_status", ["pending", "accepted", "declined"]);

/**
 * A mentor's suggestion that a mentee follow a roadmap. While pending or accepted it lets the
 * learner read the roadmap even if it is private; the learner accepts (and follows it) or declines.
 */
export const roadmapAssignments = pgTable(
  "roadmap_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roadmapId: uuid("roadmap_id")
      .notNull()
      .references(() => roadmaps.id, { onDelete: "cascade" }),
    learnerId: text("learner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mentorId: text("mentor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: roadmapAssignmentStatus("status").notNull().default("pending"),
    createdAt: createdAt(),
    respondedAt: timestamp("responded_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [
    uniqueIndex("roadmap_assignments_roadmap_learner_unique").on(table.roadmapId, table.learnerId),
    index("roadmap_assignments_learner_id_idx").on(table.learnerId),
  ],
);

/* ---------- Learner progress ---------- */

// The same list as lib/domain/progress-math.ts MILESTONE_STATUSES (a unit test holds them together).
export const milestoneStatus = pgEnum("milestone_status", ["not_started", "in_progress", "done", "skipped"]);

export const enrollments = pgTable(
  "enrollments",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    roadmapId: uuid("roadmap_id")
      .notNull()
      .references(() => roadmaps.id, { onDelete: "restrict" }),
    /** When the learner first changed a status on this roadmap. */
    startedAt: createdAt(),
    /** The start date the learner chose for pace; null means the day of their first activity. */
    plannedStart: date("planned_start", { mode: "string" }),
    /** Finish the whole roadmap by this date; null follows the stage windows. */
    targetDate: date("target_date", { mode: "string" }),
    /**
     * The published version the learner last acknowledged: the roadmap page tells them what
     * changed since then. Set to the roadmap's published version on enrolment; 0 only for a
     * roadmap never published, where there is nothing to compare.
     */
    seenVersion: integer("seen_version").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.userId, table.roadmapId] })],
);

/**
 * Each learner's counts on a roadmap, kept up to date in the transaction of every change
 * (and rebuilt after a content sync), so a mentor's table of a thousand mentees reads one
 * row per mentee instead of adding up their milestones on every page view.
 */
export const learnerProgressSummaries = pgTable(
  "learner_progress_summaries",
  {
    userId: text("user_id").notNull(),
    roadmapId: uuid("roadmap_id").notNull(),
    total: integer("total").notNull(),
    done: integer("done").notNull(),
    inProgress: integer("in_progress").notNull(),
    skipped: integer("skipped").notNull(),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true, mode: "date" }),
    oldestInProgressAt: timestamp("oldest_in_progress_at", { withTimezone: true, mode: "date" }),
    /** The first stage with anything left to do; null once every milestone is done or skipped. */
    currentStageId: uuid("current_stage_id").references(() => stages.id, { onDelete: "restrict" }),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.roadmapId] }),
    foreignKey({
      columns: [table.userId, table.roadmapId],
      foreignColumns: [enrollments.userId, enrollments.roadmapId],
    }).onDelete("cascade"),
  ],
);

/** A learner's own finish date for one stage, overriding the stage window. */
export const stageTargets = pgTable(
  "stage_targets",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    stageId: uuid("stage_id")
      .notNull()
      .references(() => stages.id, { onDelete: "restrict" }),
    targetDate: date("target_date", { mode: "string" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.stageId] })],
);

export const milestoneProgress = pgTable(
  "milestone_progress",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    milestoneId: uuid("milestone_id")
      .notNull()
      .references(() => milestones.id, { onDelete: "restrict" }),
    status: milestoneStatus("status").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }),
    completedAt: timestamp("completed_at", { withTimezone: true, mode: "date" }),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.milestoneId] })],
);

/** Append-only: one row per status change, never updated or deleted by the app. */
export const progressEvents = pgTable(
  "progress_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    milestoneId: uuid("milestone_id")
      .notNull()
      .references(() => milestones.id, { onDelete: "restrict" }),
    fromStatus: milestoneStatus("from_status").notNull(),
    toStatus: milestoneStatus("to_status").notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index("progress_events_user_created_idx").on(table.userId, table.createdAt),
    index("progress_events_milestone_idx").on(table.milestoneId),
  ],
);

/** A learner's private note on a milestone; `version` tells two tabs apart when both save. */
export const milestoneNotes = pgTable(
  "milestone_notes",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    milestoneId: uuid("milestone_id")
      .notNull()
      .references(() => milestones.id, { onDelete: "restrict" }),
    body: text("body").notNull(),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.milestoneId] })],
);

/** A link the learner keeps as proof of a milestone: a repository, a certificate, a write-up. */
export const milestoneEvidence = pgTable(
  "milestone_evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    milestoneId: uuid("milestone_id")
      .notNull()
      .references(() => milestones.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    url: text("url").notNull(),
    createdAt: createdAt(),
  },
  (table) => [index("milestone_evidence_user_milestone_idx").on(table.userId, table.milestoneId, table.createdAt)],
);

/**
 * A public, read-only page of one learner's progress on one roadmap. The token is kept as
 * is (unlike invite tokens) so the learner can see their link again; it grants nothing but
 * a view of what the learner chose to publish.
 */
export const shareLinks = pgTable(
  "share_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    token: text("token").notNull().unique(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    roadmapId: uuid("roadmap_id")
      .notNull()
      .references(() => roadmaps.id, { onDelete: "restrict" }),
    includeEvidence: boolean("include_evidence").notNull().default(false),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [
    uniqueIndex("share_links_active_unique")
      .on(table.userId, table.roadmapId)
      .where(sql`${table.revokedAt} is null`),
  ],
);

/* ---------- Mentorship ---------- */

export const inviteKinds = ["mentor_invites_learner", "learner_invites_mentor"] as const;
export const inviteKind = pgEnum("invite_kind", inviteKinds);

/**
 * A link that starts a mentorship once the other side accepts. Only a hash of the token
 * is kept, so the table cannot be used to accept anyone's invite.
 */
export const mentorshipInvites = pgTable(
  "mentorship_invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    kind: inviteKind("kind").notNull(),
    creatorId: text("creator_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** A learner's invite shares notes from the start when they chose so. */
    shareNotes: boolean("share_notes").notNull().default(false),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    /** Set for single-use links (a learner inviting one mentor) once accepted. */
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
    /** Set when the mentor a single-use link was sent to turns it down: it can't be accepted after. */
    declinedAt: timestamp("declined_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (table) => [index("mentorship_invites_creator_idx").on(table.creatorId)],
);

export const mentorships = pgTable(
  "mentorships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    mentorId: text("mentor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    learnerId: text("learner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    shareNotes: boolean("share_notes").notNull().default(false),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true, mode: "date" }),
    endedById: text("ended_by_id").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [
    uniqueIndex("mentorships_active_pair_unique")
      .on(table.mentorId, table.learnerId)
      .where(sql`${table.endedAt} is null`),
    index("mentorships_mentor_idx").on(table.mentorId),
    index("mentorships_learner_idx").on(table.learnerId),
    check("mentorships_not_self", sql`${table.mentorId} <> ${table.learnerId}`),
  ],
);

/**
 * A thread per learner, milestone and mentor: that mentor's feedback and the learner's
 * replies to it. A mentor only ever sees their own threads; the learner sees all of them.
 */
export const milestoneMessages = pgTable(
  "milestone_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    learnerId: text("learner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Whose thread this is; null once that mentor has deleted their account. */
    mentorId: text("mentor_id").references(() => users.id, { onDelete: "set null" }),
    milestoneId: uuid("milestone_id")
      .notNull()
      .references(() => milestones.id, { onDelete: "restrict" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: createdAt(),
    /** When its author last changed the words; shown as "edited". */
    editedAt: timestamp("edited_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [
    index("milestone_messages_learner_idx").on(table.learnerId, table.milestoneId, table.createdAt),
    index("milestone_messages_mentor_idx").on(table.mentorId, table.learnerId),
  ],
);

export const milestoneReviews = pgTable(
  "milestone_reviews",
  {
    learnerId: text("learner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    milestoneId: uuid("milestone_id")
      .notNull()
      .references(() => milestones.id, { onDelete: "restrict" }),
    /** Each mentor's mark is their own: mentors of the same learner never see each other's. */
    reviewerId: text("reviewer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.learnerId, table.milestoneId, table.reviewerId] })],
);

export const notificationKinds = [
  "feedback",
  "reply",
  "reviewed",
  "stage_completed",
  "invite_accepted",
  "invite_declined",
  "mentorship_ended",
] as const;
export const notificationKind = pgEnum("notification_kind", notificationKinds);

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKind("kind").notNull(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    learnerId: text("learner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    milestoneId: uuid("milestone_id").references(() => milestones.id, { onDelete: "restrict" }),
    stageId: uuid("stage_id").references(() => stages.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true, mode: "date" }),
    /** When a mail told the person about it (at once or in a digest): no notice is mailed twice. */
    mailedAt: timestamp("mailed_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [
    index("notifications_user_idx").on(table.userId, table.createdAt),
    // A mentor hears once that a mentee finished a stage, however often it is re-ticked.
    uniqueIndex("notifications_stage_completed_once")
      .on(table.userId, table.learnerId, table.stageId)
      .where(sql`${table.kind} = 'stage_completed'`),
  ],
);

/* ---------- Mail ---------- */

/** Single-use links mailed to a person; only a hash of the token is kept. */
export const accountTokenPurposes = ["password_reset", "verify_email"] as const;
export const accountTokenPurpose = pgEnum("account_token_purpose", accountTokenPurposes);

export const accountTokens = pgTable(
  "account_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: accountTokenPurpose("purpose").notNull(),
    /** The address the link was mailed to: for verify_email, the address it proves (a new one, when changing). */
    email: text("email").notNull(),
    /** SHA-256 of the token, hex: a leaked table opens no account. */
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [
    uniqueIndex("account_tokens_hash_unique").on(table.tokenHash),
    index("account_tokens_user_idx").on(table.userId, table.purpose),
  ],
);

export const mailKinds = [
  "password_reset",
  "email_verification",
  "email_changed",
  "sign_up_attempt",
  "notification",
  "notification_digest",
  "behind_pace",
  "mentor_digest",
] as const;
export const mailKind = pgEnum("mail_kind", mailKinds);
/** skipped: not sent on purpose when its time came (the person turned that mail off, or the address changed). */
export const mailStatuses = ["queued", "sending", "sent", "skipped", "failed"] as const;
export const mailStatus = pgEnum("mail_status", mailStatuses);

/**
 * Every mail, written in the same transaction as what caused it and delivered by a job. The
 * dedupe key names the occasion ("reset:<token id>", "digest:<user>:<day>"): a retry or a second
 * server finds the row and sends nothing twice. The payload (which may hold a link's token) is
 * cleared once the mail is sent.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dedupeKey: text("dedupe_key").notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    toAddress: text("to_address").notNull(),
    kind: mailKind("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>(),
    status: mailStatus("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    /** The last failure's message, without addresses or tokens. */
    lastError: text("last_error"),
    claimedAt: timestamp("claimed_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [
    uniqueIndex("mail_outbox_dedupe_key_unique").on(table.dedupeKey),
    index("mail_outbox_user_idx").on(table.userId),
    index("mail_outbox_pending_idx")
      .on(table.createdAt)
      .where(sql`${table.status} in ('queued', 'sending')`),
  ],
);

/** What a person is mailed about: notices by type, and the two weekly reminders. */
export const mailTopics = [
  "feedback",
  "reply",
  "reviewed",
  "stage_completed",
  "mentorship_ended",
  "behind_pace",
  "mentor_digest",
] as const;
export const mailTopic = pgEnum("mail_topic", mailTopics);
export const mailDeliveries = ["immediate", "daily", "weekly", "off"] as const;
export const mailDelivery = pgEnum("mail_delivery", mailDeliveries);

/** A person's choice per topic; a topic with no row has its default (lib/domain/mail-preferences.ts). */
export const mailPreferences = pgTable(
  "mail_preferences",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    topic: mailTopic("topic").notNull(),
    delivery: mailDelivery("delivery").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.topic] })],
);

/* ---------- Abuse limits ---------- */

/**
 * One fixed window per limit and subject ("sign-in:ip:203.0.113.7"); accounts appear only
 * as a hash. Kept in the database so the limits hold however many app servers there are.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true, mode: "date" }).notNull(),
    windowSeconds: integer("window_seconds").notNull(),
    hits: integer("hits").notNull(),
  },
  (table) => [index("rate_limits_window_idx").on(table.windowStartedAt)],
);

export const roadmapsRelations = relations(roadmaps, ({ many }) => ({
  stages: many(stages),
  milestones: many(milestones),
}));

export const stagesRelations = relations(stages, ({ one, many }) => ({
  roadmap: one(roadmaps, { fields: [stages.roadmapId], references: [roadmaps.id] }),
  milestones: many(milestones),
}));

export const milestonesRelations = relations(milestones, ({ one }) => ({
  roadmap: one(roadmaps, { fields: [milestones.roadmapId], references: [roadmaps.id] }),
  stage: one(stages, { fields: [milestones.stageId], references: [stages.id] }),
}));

export type User = typeof users.$inferSelect;
export type Roadmap = typeof roadmaps.$inferSelect;
export type Stage = typeof stages.$inferSelect;
export type Milestone = typeof milestones.$inferSelect;
export type ProgressEvent = typeof progressEvents.$inferSelect;
export type InviteKind = (typeof inviteKinds)[number];
export type NotificationKind = (typeof notificationKinds)[number];
export type AccountTokenPurpose = (typeof accountTokenPurposes)[number];
export type MailKind = (typeof mailKinds)[number];
export type MailTopic = (typeof mailTopics)[number];
export type MailDelivery = (typeof mailDeliveries)[number];
