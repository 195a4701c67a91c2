import type { ReactNode } from "react";
import Markdown from "react-markdown";

// A note's headings must not join the page's outline (an h1 inside a milestone would mislead a screen reader).
const NoteHeading = ({ children }: { children?: ReactNode }) => <p className="font-semibold">{children}</p>;

/**
 * A note rendered as Markdown, safely: raw HTML is never rendered (dropped, or with `htmlAsText`
 * shown as the characters typed), unsafe URLs such as javascript: are removed by react-markdown,
 * and links open without handing over the page.
 */
export function NoteMarkdown({ body, htmlAsText = false }: { body: string; htmlAsText?: boolean }) {
  return (
    <div className="space-y-2 text-sm break-words [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5">
      <Markdown
        skipHtml={!htmlAsText}
        components={{
          a: ({ href, children }) => (
            <a
              href={href}
              rel="noopener nofollow"
              target="_blank"
              className="text-indigo-700 underline underline-offset-2"
            >
              {children}
            </a>
          ),
          img: ({ alt }) => <span>{alt}</span>,
          h1: NoteHeading,
          h2: NoteHeading,
          h3: NoteHeading,
          h4: NoteHeading,
          h5: NoteHeading,
          h6: NoteHeading,
        }}
      >
        {body}
      </Markdown>
    </div>
  );
}
