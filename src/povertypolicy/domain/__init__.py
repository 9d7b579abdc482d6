"""Domain objects: the typed, validated inputs of every rule."""

from .base import DomainObject
from .enums import (
    BasicNeed,
    CardClass,
    HukouType,
    LabourCapacity,
    LandType,
    MonitoringCategory,
    RiskFactor,
    Sex,
    SiteLocation,
)
from .housing import BuildProgress, Milestone
from .land import Parcel
from .monitoring import MonitoringCase
from .person import Household, Person
from .site import Building, Entrance, ResettlementSite

__all__ = [
    "BasicNeed",
    "BuildProgress",
    "Building",
    "CardClass",
    "DomainObject",
    "Entrance",
    "Household",
    "HukouType",
    "LabourCapacity",
    "LandType",
    "Milestone",
    "MonitoringCase",
    "MonitoringCategory",
    "Parcel",
    "Person",
    "ResettlementSite",
    "RiskFactor",
    "Sex",
    "SiteLocation",
]
