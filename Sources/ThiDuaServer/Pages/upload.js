// Sends each file chosen or dropped on its own request, with its own progress bar, so that
// one large or refused file does not hold up the others.
document.addEventListener("DOMContentLoaded", () => {
  const zone = document.getElementById("upload");
  if (!zone) return;
  const input = zone.querySelector("input[type=file]");
  const list = document.getElementById("upload-list");
  function send(file) {
    const row = document.createElement("li");
    row.textContent = file.name + " ";
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    const note = document.createElement("span");
    row.append(bar, note);
    list.appendChild(row);
    const request = new XMLHttpRequest();
    request.open("POST", "/upload");
    request.setRequestHeader("X-CSRF-Token", zone.dataset.csrf);
    request.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    request.upload.onprogress = (e) => { if (e.lengthComputable) bar.value = (100 * e.loaded) / e.total; };
    request.onload = () => {
      bar.value = 100;
      note.textContent = " " + (request.status === 200 ? zone.dataset.done : zone.dataset.failed + " (" + request.status + ")");
      row.className = request.status === 200 ? "done" : "failed";
    };
    request.onerror = () => { note.textContent = " " + zone.dataset.failed; row.className = "failed"; };
    request.send(file);
  }
  input.addEventListener("change", () => { for (const f of input.files) send(f); });
  zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("over");
    for (const f of e.dataTransfer.files) send(f);
  });
});
