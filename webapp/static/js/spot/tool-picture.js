// The picture of the chosen tool in the "Treat this spot now" choices: a copy of the one the
// guide already shows in its technique section, so the page carries no second drawing.

/** Show, under the tool choice, the picture of the tool that is checked, and follow changes. */
export function showToolPicture(panel) {
  const choice = panel.querySelector('input[name="treat-tool"]')?.closest("fieldset");
  if (!choice) return;
  const figure = document.createElement("div");
  figure.className = "treat-picture";
  choice.after(figure);
  const show = () => {
    const tool = panel.querySelector('input[name="treat-tool"]:checked')?.value;
    const source = tool && document.querySelector(`section.tool svg.technique[data-tool="${CSS.escape(tool)}"]`);
    figure.replaceChildren(...(source ? [source.cloneNode(true)] : []));
    figure.hidden = !source;
  };
  choice.addEventListener("change", show);
  show();
}
