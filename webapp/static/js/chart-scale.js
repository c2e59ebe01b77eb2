// Where a 0-10 rating chart puts its points: shared by the history trend and the clinician report.

/** Return x (point index → position, mirrored on right-to-left pages) and y (rating → position). */
export function ratingScale(count, width, height, pad) {
  const rtl = document.documentElement.dir === "rtl";
  const step = count > 1 ? (width - 2 * pad.side) / (count - 1) : 0;
  const x = (i) => {
    const along = count > 1 ? pad.side + i * step : width / 2;
    return rtl ? width - along : along;
  };
  const y = (v) => pad.top + ((10 - v) / 10) * (height - pad.top - pad.bottom);
  return { x, y, rtl };
}
