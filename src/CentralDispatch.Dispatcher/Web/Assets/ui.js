// Central Dispatch UI: the live step list of a running job (server-sent events), and select-on-focus for tokens.
// No framework, no build step. Everything the server sends is put into the page as text, never as HTML.
(function () {
    "use strict";

    function byLive(root, name) {
        return root.querySelector('[data-live="' + name + '"]');
    }

    function setBadge(element, label, tone) {
        if (!element) {
            return;
        }
        element.textContent = label;
        element.className = element.className.replace(/\bbadge--(ok|busy|warn|bad|muted)\b/g, "").replace(/\s+/g, " ").trim() + " badge--" + tone;
    }

    function stepRow(data) {
        var row = document.createElement("li");
        row.dataset.step = data.step;
        var parts = [["step__icon", ""], ["step__name", data.step], ["step__status", ""], ["step__duration", ""]];
        parts.forEach(function (part) {
            var span = document.createElement("span");
            span.className = part[0];
            span.textContent = part[1];
            if (part[0] === "step__icon") {
                span.setAttribute("aria-hidden", "true");
            }
            row.appendChild(span);
        });
        return row;
    }

    function upsertStep(list, data) {
        var row = Array.prototype.find.call(list.children, function (li) { return li.dataset.step === data.step; });
        if (!row) {
            row = stepRow(data);
            list.appendChild(row);
        }
        row.className = "step step--" + data.status;
        row.querySelector(".step__status").textContent = data.label;
        row.querySelector(".step__duration").textContent = data.duration;
        var message = row.querySelector(".step__message");
        if (data.message) {
            if (!message) {
                message = document.createElement("span");
                message.className = "step__message";
                row.appendChild(message);
            }
            message.textContent = data.message;
        } else if (message) {
            message.remove();
        }
    }

    // When the job ends, the page's other parts (actions, fields, history, error field) change too: fetch the page
    // again and swap its main content in, so the operator sees the outcome without reloading.
    function refresh(url) {
        fetch(url, { headers: { "Accept": "text/html" }, credentials: "same-origin" })
            .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
            .then(function (html) {
                var page = new DOMParser().parseFromString(html, "text/html");
                var fresh = page.querySelector("main");
                var main = document.querySelector("main");
                if (fresh && main) {
                    main.replaceChildren.apply(main, Array.prototype.slice.call(fresh.childNodes));
                    document.title = page.title || document.title;
                    follow();
                }
            })
            .catch(function () { /* The live list already shows the outcome; a reload shows the rest. */ });
    }

    function follow() {
        var panel = document.querySelector("[data-live-job]");
        if (!panel || !window.EventSource) {
            return;
        }
        var list = panel.querySelector("ol.steps");
        var attempt = panel.dataset.attempt;
        var source = new EventSource(panel.dataset.liveJob);
        source.addEventListener("step", function (event) {
            var waiting = byLive(panel, "waiting");
            if (waiting) {
                waiting.hidden = true;
            }
            upsertStep(list, JSON.parse(event.data));
        });
        source.addEventListener("job", function (event) {
            var job = JSON.parse(event.data);
            if (String(job.attempt) !== attempt) {
                attempt = String(job.attempt);
                list.replaceChildren();
            }
            setBadge(byLive(panel, "job-state"), job.stateLabel, job.stateTone);
            setBadge(byLive(document, "history-job-state"), job.stateLabel, job.stateTone);
            setBadge(byLive(document, "instance-state"), job.instanceStateLabel, job.instanceStateTone);
            var word = byLive(document, "instance-state-word");
            if (word) {
                word.textContent = job.instanceStateLabel;
            }
        });
        source.addEventListener("done", function () {
            source.close();
            if (window.location.pathname === panel.dataset.refresh && window.location.search === "") {
                refresh(panel.dataset.refresh);
            } else {
                // The page came from a form post: show the instance's own address now.
                window.location.assign(panel.dataset.refresh);
            }
        });
    }

    document.addEventListener("focusin", function (event) {
        if (event.target.classList && event.target.classList.contains("copy")) {
            event.target.select();
        }
    });

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", follow);
    } else {
        follow();
    }
})();
