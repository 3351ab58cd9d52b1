@dataclass(
    frozen=True,
)
class Point(
    Base,
):
    x: int = 0
    y: int = field(
        default=0,
    )
