import { NextResponse, type NextRequest } from "next/server";
import { unsubscribe } from "@/lib/data/mail-preferences";
import { AppError } from "@/lib/domain/errors";
import { errorResponse } from "@/lib/server/http";
import { appUnsubscribeKey, verifyUnsubscribeToken } from "@/lib/server/unsubscribe-token";

/** The one token a link may carry; a second or a missing one makes the link not ours. */
function tokenOf(request: NextRequest): string | null {
  const tokens = request.nextUrl.searchParams.getAll("token");
  return tokens.length === 1 ? tokens[0]! : null;
}

/*
 * One-click unsubscribe (RFC 8058): a mail program POSTs "List-Unsubscribe=One-Click" to the
 * address in a mail's List-Unsubscribe header. No session and no CSRF token can come with it:
 * the signed token is the proof, and it can only turn off the mails it names.
 */
export async function POST(request: NextRequest): Promise<Response> {
  try {
    const signed = verifyUnsubscribeToken(appUnsubscribeKey(), tokenOf(request));
    if (!signed || !(await unsubscribe({ userId: signed.userId, scope: signed.topic }))) {
      throw new AppError("INVALID_INPUT", "This unsubscribe link isn't valid.");
    }
    return new NextResponse("You're unsubscribed: you won't get these mails any more.\n", {
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  } catch (error) {
    return await errorResponse(error);
  }
}

/** A person (or a mail scanner) opening the address: the page that asks before turning anything off. */
export function GET(request: NextRequest): Response {
  const token = tokenOf(request);
  const query = token && token.length <= 300 ? `?${new URLSearchParams({ token })}` : "";
  // A relative address: behind a proxy the request's own origin may not be the public one.
  return new Response(null, {
    status: 303,
    headers: { Location: `/unsubscribe${query}`, "Cache-Control": "no-store" },
  });
}
