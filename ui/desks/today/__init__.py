"""今日概况 / 本月: a day's or a month's figures as large numbers and charts, each of which
opens the records behind it; for a lead, the daily or monthly report as PDF."""

from ui.desks.today.cards import Card, FigureCard
from ui.desks.today.desk import TodayDesk

__all__ = ["Card", "FigureCard", "TodayDesk"]
