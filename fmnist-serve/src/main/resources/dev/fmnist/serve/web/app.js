// The fmnist serve page: sends pictures to /v1/predict and shows what the model saw and thinks.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const results = $("results");
  const status = $("status");
  let authRequired = false;

  function say(text, isError) {
    status.textContent = text;
    status.classList.toggle("error", Boolean(isError));
  }

  function headers(extra) {
    const h = Object.assign({}, extra || {});
    const token = $("token").value.trim();
    if (authRequired && token) {
      h["Authorization"] = "Bearer " + token;
    }
    return h;
  }

  function pixelsOf(base64) {
    const raw = atob(base64);
    const out = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  function canvasOf(base64, label) {
    const pixels = pixelsOf(base64);
    const canvas = document.createElement("canvas");
    canvas.width = 28;
    canvas.height = 28;
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", label);
    const ctx = canvas.getContext("2d");
    const image = ctx.createImageData(28, 28);
    for (let i = 0; i < 784; i++) {
      const v = pixels[i];
      image.data[4 * i] = v;
      image.data[4 * i + 1] = v;
      image.data[4 * i + 2] = v;
      image.data[4 * i + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
    return canvas;
  }

  function element(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // The photo as the page shows it (84x84, contained) with the object's box drawn over it. The box is in
  // the upright picture's pixels, as the browser shows it (EXIF orientation applied).
  function withCropBox(img, prep) {
    if (!prep) return img;
    const frame = element("div", "photo");
    frame.appendChild(img);
    const size = 84;
    const scale = Math.min(size / prep.source_width, size / prep.source_height);
    const left = (size - prep.source_width * scale) / 2;
    const top = (size - prep.source_height * scale) / 2;
    const box = element("div", "crop-box");
    box.setAttribute("aria-hidden", "true");
    box.style.left = (left + prep.crop.x * scale).toFixed(2) + "px";
    box.style.top = (top + prep.crop.y * scale).toFixed(2) + "px";
    box.style.width = (prep.crop.width * scale).toFixed(2) + "px";
    box.style.height = (prep.crop.height * scale).toFixed(2) + "px";
    frame.appendChild(box);
    return frame;
  }

  function figure(child, caption) {
    const f = element("figure");
    f.appendChild(child);
    f.appendChild(element("figcaption", null, caption));
    return f;
  }

  function showPrediction(title, p, originalUrl) {
    const li = element("li", "result");
    li.dataset.best = p.top[0]["class"];
    li.appendChild(element("h3", null, title + ": " + p.top[0]["class"]));
    const pictures = element("div", "pictures");
    if (originalUrl) {
      const img = element("img");
      img.src = originalUrl;
      img.alt = "Your photo " + title;
      pictures.appendChild(figure(withCropBox(img, p.preprocessing), p.preprocessing ? "yours, crop box" : "yours"));
    }
    pictures.appendChild(figure(canvasOf(p.input.pixels_base64, "The 28 by 28 picture the model saw"), "model sees"));
    li.appendChild(pictures);
    const top = element("ol", "top");
    top.setAttribute("aria-label", "Most probable classes");
    p.top.forEach((r) => {
      const row = element("li");
      const percent = (100 * r.probability).toFixed(1) + "%";
      row.appendChild(element("span", "name", r["class"]));
      const bar = element("span", "bar");
      bar.setAttribute("aria-hidden", "true");
      const fill = element("span");
      fill.style.width = Math.max(0.5, 100 * r.probability).toFixed(1) + "%";
      bar.appendChild(fill);
      row.appendChild(bar);
      row.appendChild(element("span", "prob", percent));
      top.appendChild(row);
    });
    li.appendChild(top);
    const prep = p.preprocessing ? "Prepared: " + p.preprocessing.description : "Given as 28x28 pixels";
    li.appendChild(element("p", "prep", prep));
    const warnings = p.preprocessing ? p.preprocessing.warnings || [] : [];
    if (warnings.length > 0) {
      const list = element("ul", "warnings");
      list.setAttribute("aria-label", "Warnings");
      warnings.forEach((w) => {
        const item = element("li", null, w.message);
        item.dataset.code = w.code;
        list.appendChild(item);
      });
      li.appendChild(list);
    }
    results.prepend(li);
  }

  function showFailure(title, detail) {
    const li = element("li", "result failed");
    li.appendChild(element("h3", null, title));
    li.appendChild(element("p", "detail", detail));
    results.prepend(li);
  }

  async function predict(body, contentType) {
    const h = contentType ? headers({"Content-Type": contentType}) : headers();
    const response = await fetch("/v1/predict?top=3", {method: "POST", headers: h, body: body});
    const json = await response.json().catch(() => ({error: "bad_response", detail: "HTTP " + response.status}));
    if (!response.ok) {
      const e = new Error(json.detail || json.error || ("HTTP " + response.status));
      e.status = response.status;
      throw e;
    }
    return json.predictions;
  }

  // One request per photo, so one bad photo does not hide the others' results.
  async function classifyFiles(files) {
    const list = Array.from(files).filter((f) => f.size > 0);
    if (list.length === 0) return;
    say("Classifying " + list.length + (list.length === 1 ? " photo" : " photos") + "\u2026");
    let failures = 0;
    for (const file of list) {
      const form = new FormData();
      form.append("image", file, file.name);
      try {
        const predictions = await predict(form);
        showPrediction(file.name, predictions[0], URL.createObjectURL(file));
      } catch (e) {
        failures++;
        showFailure(file.name, e.message);
      }
    }
    say(failures === 0 ? "Done: " + list.length + " classified." : failures + " of " + list.length + " could not be classified.", failures > 0);
  }

  async function classifySample(sample) {
    say("Classifying test image " + sample.index + "\u2026");
    try {
      const pixels = Array.from(pixelsOf(sample.pixels_base64));
      const predictions = await predict(JSON.stringify({pixels: pixels}), "application/json");
      showPrediction("Test image " + sample.index + " (really " + sample["class"] + ")", predictions[0], null);
      say("Done.");
    } catch (e) {
      showFailure("Test image " + sample.index, e.message);
      say(e.message, true);
    }
  }

  async function loadModel() {
    try {
      const m = await (await fetch("/v1/model")).json();
      authRequired = Boolean(m.auth_required);
      $("token-row").hidden = !authRequired;
      const info = $("model-info");
      info.textContent = "";
      info.appendChild(document.createTextNode("Model "));
      info.appendChild(element("strong", null, m.name));
      const accuracy = m.test_accuracy == null ? "unknown" : (100 * m.test_accuracy).toFixed(2) + "%";
      info.appendChild(document.createTextNode(" (" + m.network + ", " + m.parameters.toLocaleString("en")
          + " parameters) on backend "));
      info.appendChild(element("strong", null, m.backend));
      info.appendChild(document.createTextNode(", test accuracy "));
      info.appendChild(element("strong", null, accuracy));
    } catch (e) {
      $("model-info").textContent = "The model's description could not be loaded (" + e.message + ").";
    }
  }

  async function loadSamples() {
    try {
      const s = await (await fetch("/v1/samples")).json();
      if (!s.samples || s.samples.length === 0) return;
      const strip = $("sample-strip");
      s.samples.forEach((sample) => {
        const b = element("button", "sample");
        b.type = "button";
        b.setAttribute("role", "listitem");
        b.setAttribute("aria-label", "Classify test image " + sample.index + ", a " + sample["class"]);
        b.appendChild(canvasOf(sample.pixels_base64, ""));
        b.lastChild.removeAttribute("role");
        b.appendChild(element("span", null, sample["class"]));
        b.addEventListener("click", () => classifySample(sample));
        strip.appendChild(b);
      });
      $("samples").hidden = false;
    } catch (e) {
      // No samples: the strip stays hidden.
    }
  }

  const drop = $("drop");
  $("files").addEventListener("change", (e) => {
    classifyFiles(e.target.files);
    e.target.value = "";
  });
  ["dragenter", "dragover"].forEach((type) => drop.addEventListener(type, (e) => {
    e.preventDefault();
    drop.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((type) => drop.addEventListener(type, () => drop.classList.remove("over")));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    classifyFiles(e.dataTransfer.files);
  });
  loadModel();
  loadSamples();
})();
