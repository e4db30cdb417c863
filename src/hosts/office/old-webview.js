// Old webviews (issue 22): Microsoft 365 builds that pass the ExcelApi 1.9 floor can still run add-ins in EdgeHTML
// (Edge Legacy) or Trident (Internet Explorer 11), where our ES2020 bundles are a syntax error and nothing of
// ours runs. This file is ES5 on purpose, copied as is (not bundled) and loaded before the bundles: in such a
// webview it says plainly what is wrong and what to do, instead of the pane's "this page runs inside Excel"
// (false there), and the ribbon's command completes instead of hanging. Elsewhere it does nothing.
// Detection as Microsoft's "Support older Microsoft webviews" advises (the user agent), plus the ES2020 built-ins
// the bundles rely on. Keep it ES5: test/build/old-webview.test.ts parses it with ecmaVersion 5.
/* global window, document, Office */
(function () {
  var ua = (window.navigator && window.navigator.userAgent) || "";
  var modern =
    typeof Promise !== "undefined" &&
    typeof Promise.allSettled === "function" &&
    typeof globalThis !== "undefined" &&
    typeof Object.fromEntries === "function";
  if (!/Trident\/|MSIE |Edge\/\d/.test(ua) && modern) return;

  var TEXT = {
    vi: {
      title: "Excel này mở ngăn Phụ lục bằng trình duyệt cũ",
      body:
        "Phiên bản Office trên máy này hiển thị ngăn bổ trợ bằng Internet Explorer hoặc Microsoft Edge bản cũ " +
        "(EdgeHTML), nên Phụ lục không chạy được trong ngăn. Cách khắc phục: cập nhật Microsoft 365 (phiên bản " +
        "2101 trở lên) và cài Microsoft Edge WebView2 Runtime (miễn phí, của Microsoft), rồi mở lại Excel. " +
        "Trong lúc chờ, có thể kiểm tra tệp .xlsx bằng",
      link: "trang Phụ lục độc lập mở trong Chrome hoặc Edge mới",
    },
    en: {
      title: "This Excel opens the Phụ lục pane in an old browser",
      body:
        "The Office version on this computer shows add-in panes with Internet Explorer or the old Microsoft Edge " +
        "(EdgeHTML), so Phụ lục cannot run in the pane. To fix it: update Microsoft 365 (version 2101 or later) " +
        "and install the Microsoft Edge WebView2 Runtime (free, from Microsoft), then restart Excel. Meanwhile, " +
        "check an .xlsx file with",
      link: "the standalone Phụ lục page opened in Chrome or a current Edge",
    },
  };
  var ID = "old-webview";
  var page = (window.location && window.location.pathname) || "";

  function part(lang) {
    var t = TEXT[lang];
    var h = document.createElement("h1");
    h.setAttribute("lang", lang);
    h.style.fontSize = "1.3em";
    h.appendChild(document.createTextNode(t.title));
    var p = document.createElement("p");
    p.setAttribute("lang", lang);
    p.appendChild(document.createTextNode(t.body + " "));
    var a = document.createElement("a");
    a.setAttribute("href", "standalone.html");
    a.setAttribute("target", "_blank");
    a.appendChild(document.createTextNode(t.link));
    p.appendChild(a);
    p.appendChild(document.createTextNode("."));
    return [h, p];
  }

  // The pane: the message in place of the "outside Excel" one, which would be false here.
  function showInPane() {
    if (document.getElementById(ID)) return;
    var outside = document.getElementById("outside-office");
    if (outside && outside.parentNode) outside.parentNode.removeChild(outside);
    var main = document.createElement("main");
    main.id = ID;
    main.setAttribute("role", "alert");
    main.style.cssText =
      "font: 15px 'Segoe UI', sans-serif; max-width: 40em; margin: 1em auto; padding: 0 1em; line-height: 1.5";
    var parts = part("vi").concat(part("en"));
    for (var i = 0; i < parts.length; i++) main.appendChild(parts[i]);
    document.body.appendChild(main);
  }

  // The ribbon's function file: complete the command (its bundle will never register it) with the same message.
  function registerCommand() {
    if (typeof Office === "undefined" || !Office.onReady) return;
    Office.onReady(function () {
      var run = function (event) {
        try {
          var url =
            "notice.html?lang=vi&m=" +
            encodeURIComponent(TEXT.vi.title + ". " + TEXT.vi.body + " standalone.html.");
          if (Office.context && Office.context.ui)
            Office.context.ui.displayDialogAsync(url, { height: 40, width: 40 });
          // eslint-disable-next-line @typescript-eslint/no-unused-vars
        } catch (e) {
          // no dialog (an ES5 catch needs its binding): the command still completes
        }
        event.completed();
      };
      if (Office.actions && Office.actions.associate) {
        Office.actions.associate("recompute", run);
        Office.actions.associate("appendix", run);
      }
      window.recompute = run;
      window.appendix = run;
    });
  }

  // The result dialog: its bundle cannot run either; show the text it was given, with a way to close it.
  function showNotice() {
    var m = /[?&]m=([^&]*)/.exec(window.location.search || "");
    var p = document.createElement("p");
    p.style.cssText = "font: 14px 'Segoe UI', sans-serif; padding: 16px; line-height: 1.45";
    p.appendChild(document.createTextNode(m ? decodeURIComponent(m[1].replace(/\+/g, " ")) : TEXT.vi.title));
    document.body.appendChild(p);
  }

  window.phulucOldWebview = true;
  if (/commands\.html$/.test(page)) return registerCommand();
  var show = /notice\.html$/.test(page) ? showNotice : showInPane;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();
