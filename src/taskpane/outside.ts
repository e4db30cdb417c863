// taskpane.html opened outside Excel (a browser, over http or from a file): say so, in Vietnamese first, with a
// link to the standalone page. The page's HTML carries the same message, revealed by CSS after two seconds, so a
// browser that runs no script at all (file://) still shows it; inside Excel the script removes it at once.

const OUTSIDE_ID = "outside-office";

const OUTSIDE_TEXT = {
  vi: {
    title: "Trang này chạy bên trong Excel",
    body: "Đây là ngăn Phụ lục của Excel: hãy mở nó từ thẻ Trang đầu > nhóm Phụ lục trong Excel. Để kiểm tra một tệp .xlsx ngay trong trình duyệt, không cần Excel, hãy dùng",
    link: "trang Phụ lục độc lập",
  },
  en: {
    title: "This page runs inside Excel",
    body: "This is Excel's Phụ lục pane: open it from the Home tab > Poverty tables group in Excel. To check an .xlsx file in the browser, without Excel, use",
    link: "the standalone Phụ lục page",
  },
} as const;

/** The message as static HTML (for the page template: no script needed to see it). */
export function outsideHtml(): string {
  const part = (lang: "vi" | "en") => {
    const t = OUTSIDE_TEXT[lang];
    return `<h1 lang="${lang}">${t.title}</h1><p lang="${lang}">${t.body} <a href="standalone.html">${t.link}</a>.</p>`;
  };
  return (
    `<style>#${OUTSIDE_ID}{visibility:hidden;animation:phuluc-reveal 0s 2s forwards;font:15px 'Segoe UI',system-ui,sans-serif;max-width:40em;margin:2em auto;padding:0 1em;line-height:1.5}` +
    `#${OUTSIDE_ID} h1{font-size:1.3em}@keyframes phuluc-reveal{to{visibility:visible}}#${OUTSIDE_ID}.now{animation:none;visibility:visible}</style>` +
    `<main id="${OUTSIDE_ID}" role="alert">${part("vi")}${part("en")}</main>`
  );
}

/** Outside Office: show the message now (no two-second wait). Inside: remove it. */
export function settleOutsideMessage(doc: Document, insideOffice: boolean): void {
  const el = doc.getElementById(OUTSIDE_ID);
  if (!el) return;
  if (insideOffice) el.remove();
  else el.classList.add("now");
}
