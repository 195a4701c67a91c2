import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NoteMarkdown } from "@/components/note-markdown";

const render = (body: string) => renderToStaticMarkup(<NoteMarkdown body={body} />);

describe("rendering a note", () => {
  it("renders Markdown, with headings kept out of the page's outline", () => {
    const html = render("# Plan\n\n- **SQL** joins");
    expect(html).toContain('<p class="font-semibold">Plan</p>');
    expect(html).not.toContain("<h1");
    expect(html).toContain("<strong>SQL</strong>");
  });

  it("never renders raw HTML: script tags and event handlers stay out", () => {
    const html = render('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n<b onclick="x()">hi</b>');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("onerror");
    expect(html).not.toContain("onclick");
  });

  it("can show raw HTML as the text typed instead, as feedback messages do", () => {
    const html = renderToStaticMarkup(<NoteMarkdown body={"Use <script>alert(1)</script> and **bold**"} htmlAsText />);
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("<strong>bold</strong>");
  });

  it("drops javascript: links and marks every link noopener nofollow", () => {
    const html = render("[bad](javascript:alert(1)) and [good](https://example.com)");
    expect(html).not.toContain("javascript:");
    expect(html).toContain('href="https://example.com"');
    expect(html).toMatch(/rel="noopener nofollow"/);
  });

  it("shows an image's alt text instead of loading it", () => {
    const html = render("![diagram](https://tracker.example/pixel.png)");
    expect(html).toContain("diagram");
    expect(html).not.toContain("<img");
  });
});
