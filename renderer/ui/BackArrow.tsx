/** The "back" arrow before a link: points the other way in right-to-left scripts (rtl.css). */
export const BackArrow = () => (
  <span className="dir-flip" aria-hidden="true">
    ←
  </span>
);
