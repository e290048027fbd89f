const button = document.querySelector("#go");

button?.addEventListener("click", () => {
  fetch("/api/internal/report").then((response) => response.json());
});
