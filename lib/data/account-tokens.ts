import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, ne, sql, type SQL } from "drizzle-orm";
import type { Database, Transaction } from "../../db/client";
import { accountTokens, users, type AccountTokenPurpose } from "../../db/schema";

/*
 * Single-use links mailed to a person (reset a password, prove an address). The link carries
 * 32 random bytes; the table keeps only their SHA-256, so a copy of the database opens nothing.
 */

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashAccountToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Whether a string could be a token at all: anything else is refused before the database is asked. */
export function looksLikeAccountToken(token: unknown): token is string {
  return typeof token === "string" && TOKEN_PATTERN.test(token);
}

export async function issueAccountToken(
  db: Database | Transaction,
  input: { userId: string; purpose: AccountTokenPurpose; email: string; lifetimeMs: number; now: Date },
): Promise<{ id: string; token: string }> {
  const token = randomBytes(32).toString("base64url");
  const [row] = await db
    .insert(accountTokens)
    .values({
      userId: input.userId,
      purpose: input.purpose,
      email: input.email,
      tokenHash: hashAccountToken(token),
      createdAt: input.now,
      expiresAt: new Date(input.now.getTime() + input.lifetimeMs),
    })
    .returning({ id: accountTokens.id });
  return { id: row!.id, token };
}

export type AccountTokenProblem = "invalid" | "expired" | "used";

export type AccountTokenCheck =
  { ok: true; id: string; userId: string; email: string } | { ok: false; problem: AccountTokenProblem };

/** What a link's token is worth now, without spending it: the page says so before asking for anything. */
export async function checkAccountToken(
  db: Database | Transaction,
  input: { token: unknown; purpose: AccountTokenPurpose; now: Date; forUpdate?: boolean },
): Promise<AccountTokenCheck> {
  if (!looksLikeAccountToken(input.token)) return { ok: false, problem: "invalid" };
  const query = db
    .select({
      id: accountTokens.id,
      userId: accountTokens.userId,
      email: accountTokens.email,
      expiresAt: accountTokens.expiresAt,
      usedAt: accountTokens.usedAt,
    })
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, hashAccountToken(input.token)), eq(accountTokens.purpose, input.purpose)));
  const [row] = input.forUpdate ? await query.for("update") : await query;
  if (!row) return { ok: false, problem: "invalid" };
  if (row.usedAt) return { ok: false, problem: "used" };
  if (row.expiresAt.getTime() <= input.now.getTime()) return { ok: false, problem: "expired" };
  return { ok: true, id: row.id, userId: row.userId, email: row.email };
}

/**
 * Spends a token inside the caller's transaction: checked under a row lock, then marked used,
 * so two submissions of one link cannot both succeed.
 */
export async function spendAccountToken(
  tx: Transaction,
  input: { token: unknown; purpose: AccountTokenPurpose; now: Date },
): Promise<AccountTokenCheck> {
  const check = await checkAccountToken(tx, { ...input, forUpdate: true });
  if (!check.ok) return check;
  await tx
    .update(accountTokens)
    .set({ usedAt: input.now })
    .where(and(eq(accountTokens.id, check.id), isNull(accountTokens.usedAt)));
  return check;
}

/** The person's unused links of this kind, and any further condition: what the two retirements below spend. */
async function retireLinks(
  tx: Transaction,
  input: { userId: string; purpose: AccountTokenPurpose; now: Date },
  also?: SQL,
) {
  await tx
    .update(accountTokens)
    .set({ usedAt: input.now })
    .where(
      and(
        eq(accountTokens.userId, input.userId),
        eq(accountTokens.purpose, input.purpose),
        isNull(accountTokens.usedAt),
        also,
      ),
    );
}

/** Retires the person's other unused links of this kind: a reset or a new address makes them moot. */
export async function spendOtherAccountTokens(
  tx: Transaction,
  input: { userId: string; purpose: AccountTokenPurpose; now: Date },
): Promise<void> {
  await retireLinks(tx, input);
}

/**
 * Retires every link that would move the account to another address. Whoever took over a
 * session may have asked for one to their own address; changing the password, resetting it or
 * signing out everywhere must leave them nothing to finish the takeover with.
 */
export async function retireAddressChangeLinks(tx: Transaction, input: { userId: string; now: Date }): Promise<void> {
  await retireLinks(
    tx,
    { ...input, purpose: "verify_email" },
    ne(
      sql`lower(${accountTokens.email})`,
      sql`(select lower(${users.email}) from ${users} where ${users.id} = ${input.userId})`,
    ),
  );
}
