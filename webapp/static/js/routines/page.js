// A built-in routine's page: its steps are read from the page itself.
import { setupPlayer } from "../player/player.js";
import { builtInCard } from "../print/card.js";

/** Make the built-in routine on this page playable. */
export default function enhanceRoutinePage() {
  const article = document.querySelector(".routine[data-routine-id]");
  const steps = [...document.querySelectorAll(".routine-steps .routine-step")].map((li) => ({
    spot: Number(li.dataset.spot),
    tool: li.dataset.tool,
    side: li.dataset.side,
    seconds: Number(li.dataset.seconds),
    cue: li.dataset.cue,
  }));
  builtInCard();
  setupPlayer({ name: article.dataset.routineName, routineId: article.dataset.routineId, steps });
}
